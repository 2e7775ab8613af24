-- Each service owns its database; the official image runs this once, on an empty volume.
CREATE DATABASE training;
CREATE DATABASE reporting;
