-- History store schema 1: order state changes, fills, and how far the store has written.
-- Plain SQL that H2 2.x and PostgreSQL both accept; prices and quantities are exact fixed-point BIGINTs with
-- their scale beside them (NULL scale: the instrument's scale was not known), times are nanoseconds since the
-- epoch (exact) plus a UTC timestamp for people and their tools.

CREATE TABLE orders (
    core_seq             BIGINT       NOT NULL,
    exec_id              BIGINT       NOT NULL,
    order_id             BIGINT       NOT NULL,
    client_order_id      BIGINT       NOT NULL,
    orig_client_order_id BIGINT       NOT NULL,
    account              VARCHAR(64)  NOT NULL,
    strategy             VARCHAR(64),
    instrument           VARCHAR(64)  NOT NULL,
    venue                VARCHAR(64),
    side                 VARCHAR(8)   NOT NULL,
    order_type           VARCHAR(16),
    time_in_force        VARCHAR(8),
    exec_type            VARCHAR(24)  NOT NULL,
    status               VARCHAR(24)  NOT NULL,
    reject_reason        VARCHAR(40)  NOT NULL,
    cancel_reason        VARCHAR(40)  NOT NULL,
    report_text          VARCHAR(1000),
    last_qty             BIGINT       NOT NULL,
    last_price           BIGINT,
    cum_qty              BIGINT       NOT NULL,
    leaves_qty           BIGINT       NOT NULL,
    avg_price            BIGINT,
    price_scale          SMALLINT,
    qty_scale            SMALLINT,
    liquidity            VARCHAR(8)   NOT NULL,
    event_time_nanos     BIGINT       NOT NULL,
    event_time           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT orders_pk PRIMARY KEY (core_seq, exec_id)
);

CREATE INDEX orders_time ON orders (event_time_nanos);
CREATE INDEX orders_account_time ON orders (account, event_time_nanos);
CREATE INDEX orders_instrument_time ON orders (instrument, event_time_nanos);
CREATE INDEX orders_order ON orders (order_id);

CREATE TABLE fills (
    core_seq         BIGINT       NOT NULL,
    exec_id          BIGINT       NOT NULL,
    order_id         BIGINT       NOT NULL,
    client_order_id  BIGINT       NOT NULL,
    account          VARCHAR(64)  NOT NULL,
    strategy         VARCHAR(64),
    instrument       VARCHAR(64)  NOT NULL,
    side             VARCHAR(8)   NOT NULL,
    price            BIGINT       NOT NULL,
    qty              BIGINT       NOT NULL,
    price_scale      SMALLINT,
    qty_scale        SMALLINT,
    liquidity        VARCHAR(8)   NOT NULL,
    venue            VARCHAR(64),
    fill_time_nanos  BIGINT       NOT NULL,
    fill_time        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT fills_pk PRIMARY KEY (core_seq, exec_id)
);

CREATE INDEX fills_time ON fills (fill_time_nanos);
CREATE INDEX fills_account_time ON fills (account, fill_time_nanos);
CREATE INDEX fills_instrument_time ON fills (instrument, fill_time_nanos);

-- One row per stream the store writes; core_seq/exec_id: written up to and including; behind_from_seq: the
-- first core sequence number the store missed (hand-off full), NULL while it has missed nothing.
CREATE TABLE store_progress (
    stream          VARCHAR(32)  NOT NULL,
    core_seq        BIGINT       NOT NULL,
    exec_id         BIGINT       NOT NULL,
    behind_from_seq BIGINT,
    updated_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT store_progress_pk PRIMARY KEY (stream)
);

INSERT INTO store_progress (stream, core_seq, exec_id, behind_from_seq, updated_at)
    VALUES ('execution-reports', 0, 0, NULL, CURRENT_TIMESTAMP);
