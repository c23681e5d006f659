#!/usr/bin/env bash
# Firestore indexes, index exemptions and TTL policies with gcloud only (no firebase.json,
# no Firebase CLI). Same content as firestore.indexes.json, the source of truth: a test
# (tests/architecture/test_deploy_kit_ops.py) checks that this script covers every entry.
# Safe to run again: an index or setting that already exists is kept.
# Usage: PROJECT_ID=... FIRESTORE_DATABASE='(default)' deploy/firestore.sh
set -euo pipefail

: "${PROJECT_ID:?export PROJECT_ID}"
DB="${FIRESTORE_DATABASE:-(default)}"
export CLOUDSDK_CORE_PROJECT="$PROJECT_ID"

# Run a gcloud command; "already exists" counts as done, any other failure stops the script.
idempotent() {
  local out
  if ! out="$("$@" 2>&1)"; then
    if grep -qi "already exists" <<<"$out"; then
      echo "já existe: ${*:2}"
      return 0
    fi
    echo "$out" >&2
    return 1
  fi
  echo "ok: ${*:2}"
}

# Composite indexes (built in the background: --async; follow them with
# gcloud firestore indexes composite list).
composite() {
  local group="$1" scope="$2"
  shift 2
  local fields=()
  for field in "$@"; do fields+=("--field-config=$field"); done
  idempotent gcloud firestore indexes composite create --database="$DB" \
    --collection-group="$group" --query-scope="$scope" "${fields[@]}" --async
}

composite outbox collection-group field-path=status,order=ascending \
  field-path=due_at,order=ascending
composite media_jobs collection-group field-path=status,order=ascending \
  field-path=due_at,order=ascending
composite handoffs collection field-path=routing,order=ascending \
  field-path=created_at,order=descending
composite handoff_events collection field-path=status,order=ascending \
  field-path=due_at,order=ascending
composite handoffs collection field-path=status,order=ascending \
  field-path=takeover_until,order=ascending

# Fields that are never queried and would only cost index writes (maps, free text).
no_index() {
  idempotent gcloud firestore indexes fields update "$2" --database="$DB" \
    --collection-group="$1" --disable-indexes
}

no_index conversations open_session
no_index conversations last_closed
no_index handoffs lead
no_index handoff_events data

# TTL: Firestore deletes each document up to 24 h after its expires_at (docs/retencao.md).
# expires_at is never queried, so its single-field indexes are off too.
for group in messages sessions outbox lead_profiles media_jobs handoffs handoff_events; do
  idempotent gcloud firestore fields ttls update expires_at --database="$DB" \
    --collection-group="$group" --enable-ttl
  no_index "$group" expires_at
done

# A status webhook finds its reply by wamid across every person's outbox: that needs a
# single-field index with collection-group scope, which gcloud cannot set (its --index
# flag only makes collection-scope indexes), so this one goes through the Admin REST API.
field="projects/$PROJECT_ID/databases/$DB/collectionGroups/outbox/fields/provider_message_id"
curl --fail-with-body -sS -X PATCH \
  -H "Authorization: Bearer $(gcloud auth print-access-token)" \
  -H "Content-Type: application/json" \
  "https://firestore.googleapis.com/v1/$field?updateMask=indexConfig" \
  -d '{"indexConfig": {"indexes": [
        {"queryScope": "COLLECTION",
         "fields": [{"fieldPath": "provider_message_id", "order": "ASCENDING"}]},
        {"queryScope": "COLLECTION_GROUP",
         "fields": [{"fieldPath": "provider_message_id", "order": "ASCENDING"}]}]}}'
echo
echo "Pronto. Acompanhe: gcloud firestore indexes composite list --database='$DB';"
echo "gcloud firestore fields ttls list --database='$DB'"
