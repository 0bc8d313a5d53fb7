/** The cluster's admin view: its members and the sweep runs they serve. */
package io.nautilus.cluster.api;
