# Varsel: the SPA, then a static Go binary, in a small image that runs as a
# non-root user. Production configuration comes from the environment (README,
# Configuration and Security): at least DATABASE_URL (the application role),
# DATABASE_MIGRATE_URL (the owner, or run `varsel migrate` with it first),
# OIDC_ISSUER, VARSEL_AUDIT_KEY_FILE (a mounted secret) and
# VARSEL_AUDIT_CHECKPOINT_DIR (a mounted volume, ideally object storage with a
# retention lock). The web app's build carries its trusted documents
# (persisted-documents.json), which the server requires in production.

FROM node:20-bookworm-slim AS web
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/varsel ./cmd/varsel

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/varsel /app/varsel
COPY --from=web /src/frontend/dist /app/web
ENV VARSEL_ADDR=:8080 \
    VARSEL_WEB_DIR=/app/web
USER nonroot:nonroot
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["/app/varsel", "healthcheck"]
ENTRYPOINT ["/app/varsel"]
CMD ["serve"]
