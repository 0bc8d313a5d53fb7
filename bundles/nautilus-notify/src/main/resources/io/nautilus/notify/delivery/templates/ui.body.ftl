<#if kind == "TEST">Test message<#if user?has_content> from ${user}</#if>.<#else><#list alerts as a>${a.displayId} ${a.severity} ${a.key}: ${a.text}<#sep>
</#list><#if kind == "SUMMARY">
(${rolledUp} notifications rolled up)</#if></#if>
