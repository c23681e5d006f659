# Image for Cloud Run: slim Python, runtime dependencies only, non-root, PORT honoured.
FROM python:3.11-slim AS build
WORKDIR /build
COPY pyproject.toml README.md ./
COPY src ./src
RUN pip install --no-cache-dir --prefix=/install .

FROM python:3.11-slim
RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin pyloto
COPY --from=build /install /usr/local
# tzdata is a Python dependency (zoneinfo works without the OS database);
# production refuses placeholder secrets, stores in Firestore, keeps exports in the
# GCS_BUCKET_EXPORT bucket and media in GCS_BUCKET_MEDIA (a Cloud Run disk is ephemeral)
# and logs JSON.
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    ENVIRONMENT=production \
    ZERO_TRUST_MODE=true \
    STORAGE_BACKEND=firestore \
    EXPORT_BACKEND=gcs \
    MEDIA_BACKEND=gcs \
    HOST=0.0.0.0 \
    PORT=8080
USER pyloto
WORKDIR /home/pyloto
EXPOSE 8080
CMD ["pyloto-corp", "serve"]
