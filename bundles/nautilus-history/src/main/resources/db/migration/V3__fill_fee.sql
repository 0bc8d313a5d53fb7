-- History store schema 3: the fee of each fill as the trading core charged it (the execution report's fee), in
-- units of 10^-price_scale, negative for a rebate. NULL for fills written before this version (their reports
-- carried no fee).
ALTER TABLE fills ADD COLUMN fee BIGINT;
