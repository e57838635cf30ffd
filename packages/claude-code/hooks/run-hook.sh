#!/bin/sh
# Warden's Claude Code plugin hook: runs the plugin's bundled hook (dist/bin.cjs) with the Node on
# PATH. Without Node or the bundle it says so in Claude Code's channel and blocks tool calls and
# prompts (never Stop or session events), so a broken install is not silently unguarded.
script="${CLAUDE_PLUGIN_ROOT:-$(dirname "$0")/..}/dist/bin.cjs"
if [ -f "$script" ] && command -v node >/dev/null 2>&1; then exec node "$script" hook; fi
input=''
while IFS= read -r line || [ -n "$line" ]; do input="$input$line"; done
printf '%s\n' "Warden cannot run: it needs Node.js 22 or newer on PATH and $script." \
  "Fix it: install Node.js, then reinstall the plugin (claude plugin install warden@warden)," \
  "or remove it: claude plugin disable warden@warden" >&2
case "$input" in
  *'"hook_event_name":"PreToolUse"'* | *'"hook_event_name": "PreToolUse"'* | \
  *'"hook_event_name":"UserPromptSubmit"'* | *'"hook_event_name": "UserPromptSubmit"'* | \
  *'"hook_event_name":"PermissionRequest"'* | *'"hook_event_name": "PermissionRequest"'*) exit 2 ;;
esac
exit 0
