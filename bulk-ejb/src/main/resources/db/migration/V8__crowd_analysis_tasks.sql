-- Crowd analysis tasks (CONTRACT §11, Taobao TOP): a profile of one customer list, valid from
-- start_time to end_time, recomputed in the background when it is created, reloaded, or when an
-- import into its list completes. The figures are kept with the task; the top countries and cities
-- as a short text each (name=count&..., names percent-encoded, at most 10, largest first).
CREATE SEQUENCE analysis_task_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE analysis_task (
    task_id            BIGINT PRIMARY KEY,
    account_id         BIGINT NOT NULL REFERENCES account (id),
    customer_list_id   BIGINT NOT NULL,
    start_time         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    end_time           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    needs_compute      BOOLEAN NOT NULL,
    computed_at        TIMESTAMP(6) WITH TIME ZONE,
    member_count       BIGINT,
    with_email         BIGINT,
    with_phone         BIGINT,
    updated_7_days     BIGINT,
    updated_30_days    BIGINT,
    top_countries      VARCHAR(24000),
    top_cities         VARCHAR(24000),
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version            BIGINT NOT NULL
);
CREATE INDEX analysis_task_list_idx ON analysis_task (customer_list_id, end_time);
CREATE INDEX analysis_task_end_idx ON analysis_task (end_time);
