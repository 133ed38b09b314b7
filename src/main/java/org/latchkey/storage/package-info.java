/**
 * When the database is away: requests that need it answer 503 with a plain page (or JSON for API clients) instead
 * of a stack trace, and MicroProfile Health's readiness check reports it, so a load balancer stops sending people
 * here. Nothing is cached about the outage: the next request that reaches a working database simply works.
 */
package org.latchkey.storage;
