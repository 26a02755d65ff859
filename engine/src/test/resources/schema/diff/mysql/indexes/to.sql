-- Index dropped, changed to a prefix, unique, descending and fulltext indexes created.
CREATE TABLE doc (
    id INT PRIMARY KEY,
    title VARCHAR(200),
    body TEXT,
    owner INT,
    KEY doc_title (title(20)),
    UNIQUE KEY doc_owner_title (owner, title),
    KEY doc_owner_desc (owner DESC),
    FULLTEXT KEY doc_body (body)
);
