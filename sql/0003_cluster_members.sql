-- Cluster membership, as Orleans' ADO.NET clustering keeps it: one row per silo incarnation (address and
-- generation). Each silo heartbeats its i_am_alive; peers declare a silent silo dead by an update that
-- names the version they read, so two peers cannot both decide and overwrite each other.
create table cluster_members (
    host        text        not null,
    port        integer     not null,
    generation  bigint      not null,
    status      text        not null,
    start_time  timestamptz not null,
    i_am_alive  timestamptz not null,
    version     integer     not null,
    primary key (host, port, generation)
);
