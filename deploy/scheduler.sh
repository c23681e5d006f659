#!/usr/bin/env bash
# Cloud Scheduler starts the sweep job (deploy/cloudrun/job-sweep.yaml) every 10 minutes
# through the Cloud Run Admin API (`:run`), with an OAuth token of its own service account,
# which may only run that job (roles/run.invoker on the job, nothing on the project).
# Usage: set -a; . ./implantacao.env; set +a; deploy/scheduler.sh
set -euo pipefail

: "${PROJECT_ID:?export PROJECT_ID}"
: "${REGION:?export REGION}"
: "${SCHEDULER_SA:?export SCHEDULER_SA}"
export CLOUDSDK_CORE_PROJECT="$PROJECT_ID"
JOB=pyloto-sweep
# Every 10 minutes: a session idle past SESSION_TIMEOUT_MINUTES (120) closes at most
# 10 minutes late, and its follow-up or handoff goes out on the service's next loop pass.
SCHEDULE="*/10 * * * *"
TIME_ZONE=America/Sao_Paulo

if ! gcloud iam service-accounts describe "$SCHEDULER_SA" >/dev/null 2>&1; then
  gcloud iam service-accounts create "${SCHEDULER_SA%%@*}" \
    --display-name="pyloto-corp (Cloud Scheduler: dispara a varredura)"
fi

gcloud run jobs add-iam-policy-binding "$JOB" --region="$REGION" \
  --member="serviceAccount:$SCHEDULER_SA" --role=roles/run.invoker --quiet >/dev/null

URI="https://run.googleapis.com/v2/projects/$PROJECT_ID/locations/$REGION/jobs/$JOB:run"
if gcloud scheduler jobs describe "$JOB" --location="$REGION" >/dev/null 2>&1; then
  verb=update
else
  verb=create
fi
gcloud scheduler jobs "$verb" http "$JOB" \
  --location="$REGION" \
  --schedule="$SCHEDULE" \
  --time-zone="$TIME_ZONE" \
  --uri="$URI" \
  --http-method=POST \
  --oauth-service-account-email="$SCHEDULER_SA" \
  --oauth-token-scope=https://www.googleapis.com/auth/cloud-platform \
  --attempt-deadline=180s \
  --description="pyloto-corp sweep: encerra sessões inativas"
echo "agendado: $JOB ($SCHEDULE, $TIME_ZONE)"

# No schedule for `pyloto-corp retention apply`: with STORAGE_BACKEND=firestore it refuses
# (exit 2), because Firestore's TTL on expires_at and the buckets' lifecycle rules already
# delete what is past its date (docs/retencao.md, deploy/firestore.sh).
