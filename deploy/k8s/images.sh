#!/usr/bin/env bash
# The four service images, named as the manifests name them: $REGISTRY/wenming/<service>:$TAG.
#
#   REGISTRY=registry.wenming.example TAG=1.0.0 deploy/k8s/images.sh build   # ./mvnw package, then docker build x4
#   REGISTRY=registry.wenming.example TAG=1.0.0 deploy/k8s/images.sh push    # docker push x4
#   REGISTRY=registry.wenming.example TAG=1.0.0 deploy/k8s/images.sh set prod
#        # points the overlay's `images:` (deploy/k8s/overlays/prod/kustomization.yaml) at them
#
# BUILDER (default docker; podman and nerdctl take the same arguments) builds and pushes;
# BASE_IMAGE, when set, replaces the Dockerfiles' base image (e.g. a mirror of ubi9/openjdk-17-runtime).
set -euo pipefail
cd "$(dirname "$0")/../.."
SERVICES=(bulletin-service task-service honors-service distribution-service)
BUILDER=${BUILDER:-docker}

need() { [ -n "${!1:-}" ] || { echo "images.sh: set $1 (e.g. $2)" >&2; exit 2; }; }
image() { echo "$REGISTRY/wenming/$1:$TAG"; }

case "${1:-}" in
  build)
    need REGISTRY registry.wenming.example; need TAG 1.0.0
    ./mvnw -B -q package -DskipTests
    for s in "${SERVICES[@]}"; do
      args=(build -f "$s/src/main/docker/Dockerfile.jvm" -t "$(image "$s")")
      [ -z "${BASE_IMAGE:-}" ] || args+=(--build-arg "BASE_IMAGE=$BASE_IMAGE")
      "$BUILDER" "${args[@]}" "$s/target/quarkus-app"
    done
    ;;
  push)
    need REGISTRY registry.wenming.example; need TAG 1.0.0
    for s in "${SERVICES[@]}"; do "$BUILDER" push "$(image "$s")"; done
    ;;
  set)
    need REGISTRY registry.wenming.example; need TAG 1.0.0
    overlay="deploy/k8s/overlays/${2:?usage: images.sh set dev|prod}/kustomization.yaml"
    [ -f "$overlay" ] || { echo "images.sh: no $overlay" >&2; exit 2; }
    # rewrites newName/newTag of the four `- name: wenming/<service>` entries, nothing else
    tmp=$(mktemp)
    awk -v registry="$REGISTRY" -v tag="$TAG" '
      /^  - name: wenming\/[a-z-]+-service$/ { current = $3; print; next }
      current != "" && /^    newName: / { print "    newName: " registry "/" current; next }
      current != "" && /^    newTag: /  { print "    newTag: \"" tag "\""; current = ""; next }
      { print }
    ' "$overlay" > "$tmp"
    mv "$tmp" "$overlay"
    grep -A2 '^  - name: wenming/' "$overlay"
    ;;
  *)
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
