# Image for Cloud Run: slim Python, runtime dependencies only, non-root, PORT honoured.
FROM python:3.11-slim AS build
WORKDIR /build
# Reproducible: every dependency pinned and hashed in requirements.lock (`make lock`), which
# also holds uvicorn[standard] (requirements-image.in): uvloop and httptools, which
# `pyloto-corp serve` picks up by itself (+7% webhook throughput, docs/performance.md).
COPY requirements.lock ./
RUN pip install --no-cache-dir --prefix=/install --require-hashes -r requirements.lock
COPY pyproject.toml README.md ./
COPY src ./src
RUN pip install --no-cache-dir --prefix=/install --no-deps .

FROM python:3.11-slim
RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin pyloto
COPY --from=build /install /usr/local
# tzdata is a Python dependency (zoneinfo works without the OS database);
# production refuses placeholder secrets, stores in Firestore, keeps exports in the
# GCS_BUCKET_EXPORT bucket and media in GCS_BUCKET_MEDIA (a Cloud Run disk is ephemeral)
# and logs JSON. Several instances share Redis for webhook dedupe and send limits, and replies
# go to the Graph API. HANDOFF_BACKEND (webhook or chatwoot) is a choice of each deployment:
# deploy/cloudrun/service.yaml sets it with its URL and secrets.
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    ENVIRONMENT=production \
    ZERO_TRUST_MODE=true \
    STORAGE_BACKEND=firestore \
    EXPORT_BACKEND=gcs \
    MEDIA_BACKEND=gcs \
    DEDUPE_BACKEND=redis \
    SENDER_BACKEND=graph \
    HOST=0.0.0.0 \
    PORT=8080
USER pyloto
WORKDIR /home/pyloto
EXPOSE 8080
CMD ["pyloto-corp", "serve"]
