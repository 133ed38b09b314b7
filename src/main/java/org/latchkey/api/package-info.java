/**
 * The JSON API for clients that cannot use a form — apps, command-line tools, other services — with
 * djangorestframework-simplejwt's endpoints and shapes ({@code /api/token}, {@code /refresh}, {@code /verify},
 * {@code /blacklist}) so its existing clients work, plus {@code /api/me}. Same rules as the pages: the login
 * throttle, refresh rotation with reuse detection, audit events. Every refusal is JSON {@code {"detail","code"}}.
 */
package org.latchkey.api;
