package cn.eexpo.orders.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A demo operator account for local runs ({@code eexpo.demo-operator.enabled}, set by the local configuration only):
 * {@code operator@eexpo.local} with the password {@code eexpo-operator-demo}, documented in the README. Never enabled
 * in production, where operators are made by flagging a real account.
 */
@Component
@ConditionalOnProperty(name = "eexpo.demo-operator.enabled", havingValue = "true")
class DemoOperator implements ApplicationRunner {

    static final String EMAIL = "operator@eexpo.local";
    static final String PASSWORD = "eexpo-operator-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoOperator.class);

    private final Accounts accounts;
    private final JdbcClient jdbc;

    DemoOperator(Accounts accounts, JdbcClient jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        var account =
                accounts.byEmail(EMAIL).orElseGet(() -> accounts.signUp(EMAIL, PASSWORD, "E-Expo operator (demo)"));
        jdbc.sql("update account set operator = true where id = :id and not operator")
                .param("id", account.id())
                .update();
        log.info("Demo operator account: {} (local runs only)", EMAIL);
    }
}
