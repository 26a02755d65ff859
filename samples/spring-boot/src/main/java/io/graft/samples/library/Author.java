package io.graft.samples.library;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Author {

    @Id
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    protected Author() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
