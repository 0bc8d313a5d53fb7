<#-- A Slack incoming-webhook message (JSON): text is the fallback, blocks the layout. -->
<#assign icon = {"CRITICAL": ":red_circle:", "WARNING": ":large_orange_circle:", "INFO": ":large_blue_circle:"}>
<#if kind == "TEST">
<#assign text = "Nautilus test message to " + receiver + (user?has_content)?then(", sent by " + user, "")>
<#elseif kind == "RESOLVED">
<#assign text = ":white_check_mark: Resolved: " + alerts?map(a -> a.displayId + " " + a.key)?join(", ")>
<#else>
<#assign text = (icon[severity]!"") + " *" + kind + " " + severity + "*"
  + (kind == "SUMMARY")?then(" (" + rolledUp + " notifications held back)", "")>
<#list alerts as a>
<#assign text = text + "\n" + a.displayId + " `" + a.key + "` " + a.text>
</#list>
</#if>
{"text": "${text?json_string}"}
