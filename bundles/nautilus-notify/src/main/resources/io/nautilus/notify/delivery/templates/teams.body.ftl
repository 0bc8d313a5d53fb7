<#-- A Microsoft Teams incoming webhook (Workflows) message: an Adaptive Card. -->
<#assign title = (kind == "TEST")?then("Nautilus test message", kind + " " + severity)>
{"type": "message", "attachments": [{"contentType": "application/vnd.microsoft.card.adaptive", "content": {
 "$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "type": "AdaptiveCard", "version": "1.4",
 "body": [{"type": "TextBlock", "size": "Medium", "weight": "Bolder", "wrap": true, "text": "${title?json_string}"}<#list alerts as a>,
  {"type": "TextBlock", "wrap": true, "text": "${(a.displayId + " " + a.key + ": " + a.text)?json_string}"}</#list><#if kind == "SUMMARY">,
  {"type": "TextBlock", "wrap": true, "text": "${rolledUp} notifications held back by the rate limit"}</#if>]}}]}
