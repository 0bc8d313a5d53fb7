/**
 * The backtest's simulated exchange: latency, fill (touch, queue position, probabilistic), slippage and fee models
 * answering the trading core's venue orders from historical quotes, trades and bars.
 */
package io.nautilus.backtest.exchange;
