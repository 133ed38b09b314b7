/**
 * Links sent by email — reset a password, verify an address, take an address change back: random tokens of which
 * only a SHA-256 hash is stored, used once, expiring, retired by a newer link of the same purpose.
 */
package org.latchkey.link;
