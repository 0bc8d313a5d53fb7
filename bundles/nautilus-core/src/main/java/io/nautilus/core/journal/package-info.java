/**
 * The trading core's journal (every command's input, appended before its results are released), snapshots of its
 * state, and recovery (newest valid snapshot + replay of the journal after it).
 */
package io.nautilus.core.journal;
