<#-- The generic webhook's JSON (docs/notifications-channels.md). Signed: X-Nautilus-Signature: sha256=<hex>. -->
{"id": ${id}, "kind": "${kind}", "receiver": "${receiver?json_string}", "severity": "${severity}",
 "time": "${time}", "groupKey": "${groupKey?json_string}", "rolledUp": ${rolledUp},<#if user?has_content> "user": "${user?json_string}",</#if>
 "alerts": [<#list alerts as a>
  {"id": "${a.displayId}", "key": "${a.key?json_string}", "severity": "${a.severity}", "source": "${a.source?json_string}",
   "state": "${a.state}", "text": "${a.text?json_string}", "count": ${a.count}, "firstTime": "${a.firstTime}",
   "time": "${a.time}", "acknowledgedBy": "${a.acknowledgedBy?json_string}",
   "labels": {<#list a.labels as name, value>"${name?json_string}": "${value?json_string}"<#sep>, </#list>}}<#sep>,</#list>]}
