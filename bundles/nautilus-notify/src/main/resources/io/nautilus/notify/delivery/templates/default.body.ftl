<#if kind == "TEST">
Test message from Nautilus to receiver ${receiver} (channel ${channel})<#if user?has_content>, sent by ${user}</#if>, at ${time}.
<#else>
<#if kind == "SUMMARY">
The rate limit of receiver ${receiver} held back ${rolledUp} notifications; the alerts they were about:
<#elseif kind == "RESOLVED">
Resolved:
<#elseif kind == "ESCALATION">
Still unacknowledged, escalated to ${receiver}:
<#elseif kind == "REPEAT">
Still firing and unacknowledged:
</#if>
<#list alerts as a>
${a.displayId} ${a.severity} ${a.key} (${a.source}, ${a.state}<#if a.count gt 1>, raised ${a.count} times</#if>)
  ${a.text}
<#if a.labels?has_content>  labels: <#list a.labels as name, value>${name}=${value}<#sep>, </#list>
</#if>
  since ${a.firstTime}<#if a.acknowledgedBy?has_content>, acknowledged by ${a.acknowledgedBy}</#if><#if a.resolvedBy?has_content>, resolved by ${a.resolvedBy}</#if>
</#list>
<#if kind != "RESOLVED">

Acknowledge: nautilus:alerts ack <#if alert??>${alert.displayId}<#else><id></#if>
</#if>
</#if>
