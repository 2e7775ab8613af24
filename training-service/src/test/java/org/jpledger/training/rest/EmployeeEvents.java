package org.jpledger.training.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jpledger.training.outbox.OutboxEvent;
import org.jpledger.training.outbox.OutboxRepository;

/** What the outbox holds about one employee: how many events, and the latest one as JSON. */
record EmployeeEvents(OutboxRepository outbox, ObjectMapper mapper, String nip) {

    long count() {
        return QuarkusTransaction.requiringNew().call(() -> outbox.count("messageKey", nip));
    }

    JsonNode last() throws Exception {
        OutboxEvent last = QuarkusTransaction.requiringNew()
                .call(() -> outbox.find("messageKey = ?1 order by id desc", nip).firstResult());
        return mapper.readTree(last.payload);
    }
}
