#!/usr/bin/env bash
# Creates the Secrets the dev overlay names, with fresh random values, in namespace wenming-dev
# (or $NAMESPACE). Nothing here is committed: the manifests only name these Secrets.
#   ./dev-secrets.sh            create the missing ones (existing Secrets are left alone)
# Needs kubectl (pointing at the dev cluster) and openssl.
set -euo pipefail
NAMESPACE=${NAMESPACE:-wenming-dev}
# The RS256 key pair, by default the local run's (.local/jwt, git-ignored): then `./suite token ROLE`
# prints tokens the dev cluster accepts too.
KEYS=${KEYS:-"$(cd "$(dirname "$0")/../../../.." && pwd)/.local/jwt"}

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

# the services get the public key; the private one stays in $KEYS, for tokens
mkdir -p "$KEYS"
if [ ! -f "$KEYS/private.pem" ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEYS/private.pem" 2>/dev/null
  openssl pkey -in "$KEYS/private.pem" -pubout -out "$KEYS/public.pem"
fi
have suite-jwt || kubectl -n "$NAMESPACE" create secret generic suite-jwt --from-file=public.pem="$KEYS/public.pem"
# bulletin-service's own token (role service) for the hand-offs, signed here with the dev key as the
# identity provider would issue it: a year long, issuer as SUITE_JWT_ISSUER's default
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
service_token() {
  local now header payload
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"https://wenming.local/issuer","sub":"bulletin-service","upn":"bulletin-service","groups":["service"],"iat":%s,"exp":%s}' \
    "$now" "$((now + 365 * 24 * 3600))" | b64url)
  printf '%s.%s.%s' "$header" "$payload" "$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$KEYS/private.pem" | b64url)"
}
have bulletin-service-token || kubectl -n "$NAMESPACE" create secret generic bulletin-service-token \
  --from-literal=token="$(service_token)"

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
