#!/usr/bin/env bash
# Creates the Secrets the dev overlay names, with fresh random values, in namespace wenming-dev
# (or $NAMESPACE). Nothing here is committed: the manifests only name these Secrets.
#   ./dev-secrets.sh            create the missing ones (existing Secrets are left alone)
# Needs kubectl (pointing at the dev cluster) and openssl.
set -euo pipefail
NAMESPACE=${NAMESPACE:-wenming-dev}
# The identity provider's RS256 key, by default the local run's (.local/jwt, git-ignored): then
# `./suite token ROLE` prints tokens the dev cluster accepts too. ./suite token makes the pair and its
# key set (jwks.json) when they are missing, and signs the services' own tokens below.
ROOT=$(cd "$(dirname "$0")/../../../.." && pwd)
KEYS=${KEYS:-"$ROOT/.local/jwt"}
token() { SUITE_JWT_DIR="$KEYS" "$ROOT/suite" token "$@"; }

have() { kubectl -n "$NAMESPACE" get secret "$1" >/dev/null 2>&1; }
random() { openssl rand -hex 24; }

kubectl get namespace "$NAMESPACE" >/dev/null 2>&1 || kubectl create namespace "$NAMESPACE"

# the database superuser of the dev PostgreSQL
have postgres-admin || kubectl -n "$NAMESPACE" create secret generic postgres-admin --from-literal=password="$(random)"

# one database and one user per service, in the dev PostgreSQL (postgres.yaml creates them)
for service in bulletin task honors distribution; do
  have "$service-service-db" || kubectl -n "$NAMESPACE" create secret generic "$service-service-db" \
    --from-literal=jdbc-url="jdbc:postgresql://postgres:5432/$service" \
    --from-literal=username="$service" \
    --from-literal=password="$(random)"
done

# the services get the key set (public keys only); the private key stays in $KEYS, for tokens
token reader >/dev/null
have suite-jwt || kubectl -n "$NAMESPACE" create secret generic suite-jwt --from-file=jwks.json="$KEYS/jwks.json"
# each calling service's own token (groups [service], sub = the service), a year long, as the identity provider would issue it
for service in bulletin-service distribution-service; do
  have "$service-token" || kubectl -n "$NAMESPACE" create secret generic "$service-token" \
    --from-literal=token="$(token service --user "$service" --days 365)"
done

# distribution-service's delivery secrets: an SMTP login (unused in dev) and the AES-256 key of the
# organizations' webhook secrets at rest ("<key id>:<base64 of 32 bytes>"; the service does not start without it)
webhook_key() { printf 'dev1:%s' "$(openssl rand -base64 32)"; }
if ! have distribution-delivery; then
  kubectl -n "$NAMESPACE" create secret generic distribution-delivery \
    --from-literal=smtp-username=dev --from-literal=smtp-password="$(random)" \
    --from-literal=webhook-secrets-keys="$(webhook_key)" --from-literal=webhook-secrets-current-key=dev1
elif [ -z "$(kubectl -n "$NAMESPACE" get secret distribution-delivery -o jsonpath='{.data.webhook-secrets-keys}')" ]; then
  # made by an earlier version of this script: add the key, keep the rest
  kubectl -n "$NAMESPACE" patch secret distribution-delivery --type merge \
    -p "{\"stringData\":{\"webhook-secrets-keys\":\"$(webhook_key)\",\"webhook-secrets-current-key\":\"dev1\"}}"
fi

echo "dev secrets present in namespace $NAMESPACE; tokens: ./suite token ROLE (keys in $KEYS)"
