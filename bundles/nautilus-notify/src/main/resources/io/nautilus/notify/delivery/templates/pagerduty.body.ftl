<#-- PagerDuty Events API v2, without the routing key: the route adds it from the receiver's secret "token"
     (camel-routes/examples/notify-pagerduty.yaml). One incident per alert group (dedup_key). -->
<#assign action = (kind == "RESOLVED")?then("resolve", "trigger")>
<#assign pdSeverity = {"CRITICAL": "critical", "WARNING": "warning", "INFO": "info"}>
"event_action": "${action}", "dedup_key": "${((groupKey?has_content)?then(groupKey, "nautilus-" + id))?json_string}",
"payload": {"summary": "${((alert??)?then(alert.displayId + " " + alert.key + ": " + alert.text, "Nautilus " + kind?lower_case))?truncate(1000)?json_string}",
 "source": "nautilus", "severity": "${pdSeverity[severity]}", "component": "${((alert??)?then(alert.source, "nautilus"))?json_string}",
 "custom_details": {"kind": "${kind}", "alerts": [<#list alerts as a>"${(a.displayId + " " + a.key)?json_string}"<#sep>, </#list>], "rolledUp": ${rolledUp}}}
