#!/usr/bin/env bash
# Log-based metrics (deploy/monitoring/metrics/*.yaml) and alert policies
# (deploy/monitoring/alerts/*.json). Metrics are created or updated; a policy is created
# only when no policy has its display name yet (run again safely).
# Usage: PROJECT_ID=... [NOTIFICATION_CHANNEL=projects/.../notificationChannels/ID] \
#        deploy/monitoring.sh
set -euo pipefail

: "${PROJECT_ID:?export PROJECT_ID}"
export CLOUDSDK_CORE_PROJECT="$PROJECT_ID"
HERE="$(cd "$(dirname "$0")" && pwd)"

for file in "$HERE"/monitoring/metrics/*.yaml; do
  name="$(basename "$file" .yaml)"
  if gcloud logging metrics describe "$name" >/dev/null 2>&1; then
    gcloud logging metrics update "$name" --config-from-file="$file" >/dev/null
    echo "métrica atualizada: $name"
  else
    gcloud logging metrics create "$name" --config-from-file="$file" >/dev/null
    echo "métrica criada: $name"
  fi
done

channel=()
if [[ -n "${NOTIFICATION_CHANNEL:-}" ]]; then
  channel=(--notification-channels="$NOTIFICATION_CHANNEL")
else
  echo "aviso: sem NOTIFICATION_CHANNEL, os alertas abrem incidentes mas não avisam ninguém" >&2
fi

for file in "$HERE"/monitoring/alerts/*.json; do
  display="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["displayName"])' "$file")"
  existing="$(gcloud alpha monitoring policies list \
    --filter="displayName=\"$display\"" --format='value(name)')"
  if [[ -n "$existing" ]]; then
    echo "alerta já existe: $display"
    continue
  fi
  gcloud alpha monitoring policies create --policy-from-file="$file" "${channel[@]}" >/dev/null
  echo "alerta criado: $display"
done
