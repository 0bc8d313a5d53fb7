-- History store schema 4: only the secondary indexes the queries use, so that ingest maintains fewer B-trees.
-- orders_order (order_id) served no query of HistoryService or nautilus:history and cost one index entry per
-- execution report; measured on PostgreSQL 15 COPY ingest (docs/performance.md). The time, account + time and
-- instrument + time indexes of orders and fills stay: they serve the newest-first queries with their filters.
-- Plain SQL that H2 2.x and PostgreSQL both accept.

DROP INDEX orders_order;
