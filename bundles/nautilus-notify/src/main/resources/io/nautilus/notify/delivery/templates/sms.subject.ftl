<#-- One line: [KIND] severity, the first alert's key and how many more. -->
<#if kind == "TEST">[TEST] Nautilus test message<#elseif kind == "SUMMARY">[SUMMARY] ${rolledUp} notifications held back by the rate limit<#else>[${kind}] ${severity}<#if alert??> ${alert.key}<#if alerts?size gt 1> and ${alerts?size - 1} more</#if></#if></#if>
