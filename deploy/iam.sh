#!/usr/bin/env bash
# Least privilege for the runtime identity of the service and of the sweep job
# (docs/implantacao.md). Nothing project-wide beyond Firestore access and log writing:
# no editor, no owner, no storage or secret role on the whole project.
# Usage: set -a; . ./implantacao.env; set +a; deploy/iam.sh
set -euo pipefail

: "${PROJECT_ID:?export PROJECT_ID}"
: "${RUNTIME_SA:?export RUNTIME_SA}"
: "${BUCKET_MEDIA:?export BUCKET_MEDIA}"
: "${BUCKET_EXPORTS:?export BUCKET_EXPORTS}"
export CLOUDSDK_CORE_PROJECT="$PROJECT_ID"
MEMBER="serviceAccount:$RUNTIME_SA"

# Every secret the service reads (deploy/cloudrun/service.yaml). The job reads a subset;
# both run as the same account.
SECRETS=(
  whatsapp-webhook-secret whatsapp-verify-token whatsapp-access-token pepper-secret
  ops-api-keys handoff-webhook-secret chatwoot-api-token chatwoot-webhook-secret
  chatwoot-signing-secret
)

# 1. The dedicated service account (no key is ever created for it).
if ! gcloud iam service-accounts describe "$RUNTIME_SA" >/dev/null 2>&1; then
  gcloud iam service-accounts create "${RUNTIME_SA%%@*}" \
    --display-name="pyloto-corp (Cloud Run: serviço e job de varredura)"
fi

# 2. Project level, only what has no narrower resource:
#    Firestore reads and writes (Firestore has no per-collection IAM);
#    log writing (stdout is collected by Cloud Run; this role is write-only).
#    No roles/cloudtrace.agent: the service sends no spans, it only links its log lines to
#    the trace id Cloud Run puts in X-Cloud-Trace-Context.
for role in roles/datastore.user roles/logging.logWriter; do
  gcloud projects add-iam-policy-binding "$PROJECT_ID" --member="$MEMBER" --role="$role" \
    --condition=None --quiet >/dev/null
  echo "projeto: $role"
done

# 3. Each secret on its own (never secretAccessor on the whole project). A secret that
#    does not exist (for example chatwoot-signing-secret with an unsigned Chatwoot) is skipped.
for secret in "${SECRETS[@]}"; do
  if gcloud secrets describe "$secret" >/dev/null 2>&1; then
    gcloud secrets add-iam-policy-binding "$secret" --member="$MEMBER" \
      --role=roles/secretmanager.secretAccessor --quiet >/dev/null
    echo "segredo: $secret"
  else
    echo "segredo ausente, ignorado: $secret" >&2
  fi
done

# 4. Buckets, each with only what the adapters do:
#    exports (src/pyloto_corp/adapters/exports/gcs.py): create-only uploads and a read to
#    recognise a retried upload; never overwrite nor delete (the lifecycle rule deletes).
gcloud storage buckets add-iam-policy-binding "gs://$BUCKET_EXPORTS" --member="$MEMBER" \
  --role=roles/storage.objectCreator >/dev/null
gcloud storage buckets add-iam-policy-binding "gs://$BUCKET_EXPORTS" --member="$MEMBER" \
  --role=roles/storage.objectViewer >/dev/null
echo "bucket de exports: objectCreator + objectViewer"
#    media (src/pyloto_corp/adapters/media/gcs.py): create, read, list and delete (an LGPD
#    erasure deletes the person's folder). objectUser does all four and, unlike objectAdmin,
#    cannot change object ACLs or IAM.
gcloud storage buckets add-iam-policy-binding "gs://$BUCKET_MEDIA" --member="$MEMBER" \
  --role=roles/storage.objectUser >/dev/null
echo "bucket de mídia: objectUser"
