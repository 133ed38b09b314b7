#!/usr/bin/env bash
# Prepares an unzipped WildFly 38 (org.wildfly:wildfly-dist:38.0.1.Final) for Latchkey, offline: jboss-cli starts
# an embedded server on standalone.xml, changes it and stops — no running server, no management user needed.
#
#   wildfly/configure.sh <WildFly home> [postgresql.jar]
#
# - integrated-jaspi=false on the undertow application security domain "other": Latchkey's Jakarta Security
#   mechanism then authenticates by itself (without it every authenticated request fails with ELY01177);
# - MicroProfile Health (/health/ready on the management port) next to the MicroProfile Config already there;
# - the welcome page leaves "/" to Latchkey (the WAR's jboss-web.xml asks for the root context);
# - the datasource java:/jdbc/latchkey: an H2 file under jboss.server.data.dir by default, or PostgreSQL when
#   LATCHKEY_DB_HOST is set now — then host, port, name, user and password are read from the LATCHKEY_DB_*
#   environment variables each time the server starts (and the driver jar becomes the module org.postgresql).
# - the mail session java:jboss/mail/latchkey when LATCHKEY_MAIL_SMTP_HOST is set now: host, port (default 25) and,
#   when set now, LATCHKEY_MAIL_SMTP_USER / _PASSWORD (with STARTTLS when LATCHKEY_MAIL_SMTP_STARTTLS=true) are read
#   from the environment each time the server starts; Latchkey then sends through it (and needs latchkey.public-url).
# Settings (JWT_SIGNING_KEY, latchkey.*) come from environment variables or -D options at start, through
# MicroProfile Config. Run it once per installation.
set -euo pipefail
home=${1:?usage: configure.sh <WildFly home> [postgresql.jar]}
cli=$(mktemp)
trap 'rm -f "$cli"' EXIT

if [ -n "${LATCHKEY_DB_HOST:-}" ]; then
  driver=${2:?PostgreSQL needs the JDBC driver: configure.sh <WildFly home> <postgresql.jar>}
  database=$(cat <<CLI
module add --name=org.postgresql --resources=$driver --dependencies=java.sql,jakarta.transaction.api
/subsystem=datasources/jdbc-driver=postgresql:add(driver-name=postgresql,driver-module-name=org.postgresql,driver-xa-datasource-class-name=org.postgresql.xa.PGXADataSource)
data-source add --name=latchkey --jndi-name=java:/jdbc/latchkey --driver-name=postgresql --connection-url="jdbc:postgresql://\${env.LATCHKEY_DB_HOST}:\${env.LATCHKEY_DB_PORT:5432}/\${env.LATCHKEY_DB_NAME}" --user-name="\${env.LATCHKEY_DB_USER}" --password="\${env.LATCHKEY_DB_PASSWORD}" --validate-on-match=true --background-validation=false --valid-connection-checker-class-name=org.jboss.jca.adapters.jdbc.extensions.postgres.PostgreSQLValidConnectionChecker
CLI
)
else
  database=$(cat <<'CLI'
data-source add --name=latchkey --jndi-name=java:/jdbc/latchkey --driver-name=h2 --connection-url="jdbc:h2:file:${jboss.server.data.dir}/latchkey/latchkey;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" --user-name=latchkey --password=latchkey --validate-on-match=true --background-validation=false --check-valid-connection-sql="SELECT 1"
CLI
)
fi

mail=""
if [ -n "${LATCHKEY_MAIL_SMTP_HOST:-}" ]; then
  credentials=""
  if [ -n "${LATCHKEY_MAIL_SMTP_USER:-}" ]; then
    credentials=',username="${env.LATCHKEY_MAIL_SMTP_USER}",password="${env.LATCHKEY_MAIL_SMTP_PASSWORD}"'
  fi
  tls=false
  [ "${LATCHKEY_MAIL_SMTP_STARTTLS:-false}" = true ] && tls=true
  mail=$(cat <<CLI
/socket-binding-group=standard-sockets/remote-destination-outbound-socket-binding=latchkey-smtp:add(host="\${env.LATCHKEY_MAIL_SMTP_HOST}",port="\${env.LATCHKEY_MAIL_SMTP_PORT:25}")
/subsystem=mail/mail-session=latchkey:add(jndi-name=java:jboss/mail/latchkey)
/subsystem=mail/mail-session=latchkey/server=smtp:add(outbound-socket-binding-ref=latchkey-smtp,tls=$tls$credentials)
CLI
)
fi

cat > "$cli" <<CLI
embed-server --server-config=standalone.xml --std-out=discard
/subsystem=undertow/application-security-domain=other:write-attribute(name=integrated-jaspi,value=false)
/subsystem=undertow/server=default-server/host=default-host/location=\/:remove
/extension=org.wildfly.extension.microprofile.health-smallrye:add
/subsystem=microprofile-health-smallrye:add(security-enabled=false,empty-liveness-checks-status=UP,empty-readiness-checks-status=UP,empty-startup-checks-status=UP)
$database
$mail
stop-embedded-server
CLI
"$home/bin/jboss-cli.sh" --file="$cli"
echo "WildFly at $home is configured for Latchkey ($([ -n "${LATCHKEY_DB_HOST:-}" ] && echo PostgreSQL || echo H2)$([ -n "$mail" ] && echo ", mail session java:jboss/mail/latchkey"))."
