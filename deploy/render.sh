#!/usr/bin/env bash
# Render a deploy template: every ${NAME} becomes the value of the exported variable NAME.
# Refuses (exit 1) when a variable is not set at all; an empty value is allowed (an unused
# handoff destination, for example). Usage: deploy/render.sh deploy/cloudrun/service.yaml
set -euo pipefail

template="${1:?usage: deploy/render.sh TEMPLATE}"
text="$(<"$template")"
missing=()
for name in $(grep -oE '\$\{[A-Z][A-Z0-9_]*\}' "$template" | tr -d '${}' | sort -u); do
  if [[ -z "${!name+set}" ]]; then
    missing+=("$name")
    continue
  fi
  text="${text//"\${$name}"/"${!name}"}"
done
if ((${#missing[@]})); then
  echo "render.sh: defina (export) ${missing[*]} — veja deploy/implantacao.env.exemplo" >&2
  exit 1
fi
printf '%s\n' "$text"
