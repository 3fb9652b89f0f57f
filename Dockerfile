# The sandbox image: where descendant agents run and where tasks are graded.
# BASE is a local Debian root made by scripts/build-sandbox-image.sh (no registry is reachable here);
# with registry access, pass an official .NET SDK image instead: --build-arg BASE=mcr.microsoft.com/dotnet/sdk:10.0
# The .NET SDK is not baked in: the sandbox bind-mounts the host's SDK read-only at /usr/share/dotnet,
# so the image stays small and always matches the SDK that built the host side.
ARG BASE=dgm-base:bookworm
FROM ${BASE}

RUN (getent group sandbox || groupadd --gid 1000 sandbox) \
 && (getent passwd sandbox || useradd --uid 1000 --gid 1000 --create-home --shell /bin/bash sandbox) \
 && mkdir -p /work /nuget /usr/share/dotnet /gateway \
 && chown sandbox:sandbox /work

ENV DOTNET_ROOT=/usr/share/dotnet \
    PATH=/usr/share/dotnet:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 \
    DOTNET_GENERATE_ASPNET_CERTIFICATE=false \
    NUGET_PACKAGES=/nuget \
    HOME=/home/sandbox

LABEL org.dgm.role=sandbox-image
USER 1000:1000
WORKDIR /work
