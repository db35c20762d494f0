package cn.eexpo.orders.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Identities in PostgreSQL: the ID number sealed, hashed and masked, never in plain text. */
@Service
@EnableConfigurationProperties(IdentityProperties.class)
class JdbcIdentities implements Identities {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final Logger log = LoggerFactory.getLogger(JdbcIdentities.class);

    private final JdbcClient jdbc;
    private final IdNumberCipher cipher;
    private final Clock clock = Clock.system(CHINA);

    JdbcIdentities(JdbcClient jdbc, IdNumberCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<BuyerIdentity> of(long accountId) {
        return jdbc.sql("""
                        select account_id, name, id_number_masked, id_number_sealed, id_number_hash, phone
                          from buyer_identity
                         where account_id = :account
                        """)
                .param("account", accountId)
                .query(JdbcIdentities::map)
                .optional();
    }

    @Override
    @Transactional
    public BuyerIdentity register(long accountId, String name, String idNumber, String phone) {
        Checked identity = check(name, idNumber, phone);
        BuyerIdentity stored = jdbc.sql("""
                        insert into buyer_identity
                               (account_id, name, id_number_sealed, id_number_hash, id_number_masked, phone)
                        values (:account, :name, :sealed, :hash, :masked, :phone)
                        on conflict (account_id) do update
                           set name = excluded.name,
                               id_number_sealed = excluded.id_number_sealed,
                               id_number_hash = excluded.id_number_hash,
                               id_number_masked = excluded.id_number_masked,
                               phone = excluded.phone,
                               updated_at = now()
                        returning account_id, name, id_number_masked, id_number_sealed, id_number_hash, phone
                        """)
                .param("account", accountId)
                .param("name", identity.name())
                .param("sealed", cipher.seal(identity.idNumber()))
                .param("hash", cipher.hash(identity.idNumber()))
                .param("masked", identity.idNumber().masked())
                .param("phone", identity.phone())
                .query(JdbcIdentities::map)
                .single();
        log.info("Real-name identity registered for account {}", accountId);
        return stored;
    }

    @Override
    public String unseal(String sealedIdNumber) {
        return cipher.unseal(sealedIdNumber);
    }

    /** Checks a name, ID number and phone as {@link #register} would, storing nothing. */
    Checked check(String name, String idNumber, String phone) {
        return new Checked(
                IdentityRules.name(name), IdNumber.parse(idNumber, LocalDate.now(clock)), IdentityRules.phone(phone));
    }

    /** Checks a name and ID number, storing nothing: the reason for the first problem, or empty. */
    Optional<InvalidIdentityException> validate(String name, String idNumber) {
        try {
            IdentityRules.name(name);
            IdNumber.parse(idNumber, LocalDate.now(clock));
            return Optional.empty();
        } catch (InvalidIdentityException e) {
            return Optional.of(e);
        }
    }

    private static BuyerIdentity map(ResultSet rs, int row) throws SQLException {
        return new BuyerIdentity(
                rs.getLong("account_id"),
                rs.getString("name"),
                rs.getString("id_number_masked"),
                rs.getString("id_number_sealed"),
                rs.getString("id_number_hash"),
                rs.getString("phone"));
    }

    record Checked(String name, IdNumber idNumber, String phone) {}
}
