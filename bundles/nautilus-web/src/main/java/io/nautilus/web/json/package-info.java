/**
 * The JSON shapes the REST API and the WebSocket streams share: how decimals and times go on the wire
 * ({@link io.nautilus.web.json.Wire}) and the records of positions, P&amp;L totals and execution reports, so a
 * position read with {@code GET /api/v1/positions} and one pushed on the {@code positions} topic are the same JSON.
 */
package io.nautilus.web.json;
