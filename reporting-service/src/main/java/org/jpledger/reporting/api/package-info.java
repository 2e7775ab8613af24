/**
 * The answers the use cases in {@code service} return and the resources in {@code rest} serve: plain records (with
 * their OpenAPI descriptions) and the page cursors, importing nothing from {@code service} or {@code rest}, so neither
 * layer depends on the other's types.
 */
package org.jpledger.reporting.api;
