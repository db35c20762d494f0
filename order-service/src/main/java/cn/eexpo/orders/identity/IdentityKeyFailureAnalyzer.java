package cn.eexpo.orders.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or malformed identity key into Spring Boot's short "APPLICATION FAILED TO START" report. */
class IdentityKeyFailureAnalyzer extends AbstractFailureAnalyzer<IdentityKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, IdentityKeyException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
