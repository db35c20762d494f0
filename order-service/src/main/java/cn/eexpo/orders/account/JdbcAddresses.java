package cn.eexpo.orders.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Address books in PostgreSQL. Every change first locks the account's row, so that two concurrent changes of one
 * book cannot both pass the limit or both leave a default. Addresses are personal data: nothing of them is logged.
 */
@Service
class JdbcAddresses implements Addresses {

    private static final Logger log = LoggerFactory.getLogger(JdbcAddresses.class);

    private static final String COLUMNS = "id, name, phone, province, city, district, address, preferred";

    private final JdbcClient jdbc;
    private final Accounts accounts;

    JdbcAddresses(JdbcClient jdbc, Accounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Address> mine() {
        return jdbc.sql("select " + COLUMNS + " from buyer_address where account_id = :account"
                        + " order by preferred desc, id")
                .param("account", signedIn())
                .query(JdbcAddresses::map)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Address> preferred() {
        return accounts.current()
                .flatMap(account -> jdbc.sql(
                                "select " + COLUMNS + " from buyer_address where account_id = :account and preferred")
                        .param("account", account.id())
                        .query(JdbcAddresses::map)
                        .optional());
    }

    @Override
    @Transactional
    public Address add(AddressDetails details) {
        AddressDetails checked = AddressRules.check(details);
        long account = lockedAccount();
        int count = jdbc.sql("select count(*) from buyer_address where account_id = :account")
                .param("account", account)
                .query(Integer.class)
                .single();
        if (count >= AddressRules.MAX_ADDRESSES) {
            throw new AddressRefusedException(
                    "addresses",
                    "addresses.full",
                    "an address book holds at most " + AddressRules.MAX_ADDRESSES + " addresses: delete one first");
        }
        Address added = details(jdbc.sql("""
                        insert into buyer_address (account_id, name, phone, province, city, district, address, preferred)
                        values (:account, :name, :phone, :province, :city, :district, :address, :preferred)
                        returning\s""" + COLUMNS), checked)
                .param("account", account)
                .param("preferred", count == 0)
                .query(JdbcAddresses::map)
                .single();
        log.info("Address {} added for account {}", added.id(), account);
        return added;
    }

    @Override
    @Transactional
    public Address update(long id, AddressDetails details) {
        AddressDetails checked = AddressRules.check(details);
        long account = lockedAccount();
        return details(jdbc.sql("""
                        update buyer_address
                           set name = :name, phone = :phone, province = :province, city = :city,
                               district = :district, address = :address, updated_at = now()
                         where id = :id and account_id = :account
                        returning\s""" + COLUMNS), checked)
                .param("id", id)
                .param("account", account)
                .query(JdbcAddresses::map)
                .optional()
                .orElseThrow(() -> new UnknownAddressException(id));
    }

    @Override
    @Transactional
    public void delete(long id) {
        long account = lockedAccount();
        Boolean wasPreferred = jdbc.sql(
                        "delete from buyer_address where id = :id and account_id = :account returning preferred")
                .param("id", id)
                .param("account", account)
                .query(Boolean.class)
                .optional()
                .orElseThrow(() -> new UnknownAddressException(id));
        if (wasPreferred) {
            jdbc.sql("""
                            update buyer_address set preferred = true
                             where id = (select min(id) from buyer_address where account_id = :account)
                            """).param("account", account).update();
        }
        log.info("Address {} deleted for account {}", id, account);
    }

    @Override
    @Transactional
    public Address makePreferred(long id) {
        long account = lockedAccount();
        Address chosen = jdbc.sql("select " + COLUMNS + " from buyer_address where id = :id and account_id = :account")
                .param("id", id)
                .param("account", account)
                .query(JdbcAddresses::map)
                .optional()
                .orElseThrow(() -> new UnknownAddressException(id));
        if (chosen.preferred()) {
            return chosen;
        }
        // Two statements: the unique index on the default address is checked row by row.
        jdbc.sql("update buyer_address set preferred = false, updated_at = now()"
                        + " where account_id = :account and preferred")
                .param("account", account)
                .update();
        return jdbc.sql("update buyer_address set preferred = true, updated_at = now() where id = :id returning "
                        + COLUMNS)
                .param("id", id)
                .query(JdbcAddresses::map)
                .single();
    }

    private long signedIn() {
        return accounts.current()
                .orElseThrow(() -> new AccessDeniedException("Sign in to use your address book."))
                .id();
    }

    /** The signed-in account, its row locked until the transaction ends: one change of its book at a time. */
    private long lockedAccount() {
        long account = signedIn();
        jdbc.sql("select id from account where id = :account for update")
                .param("account", account)
                .query(Long.class)
                .single();
        return account;
    }

    /** Binds the receiver and the place, as the insert and the update both write them. */
    private static JdbcClient.StatementSpec details(JdbcClient.StatementSpec sql, AddressDetails d) {
        return sql.param("name", d.name())
                .param("phone", d.phone())
                .param("province", d.province())
                .param("city", d.city())
                .param("district", d.district())
                .param("address", d.address());
    }

    private static Address map(ResultSet rs, int row) throws SQLException {
        return new Address(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("phone"),
                rs.getString("province"),
                rs.getString("city"),
                rs.getString("district"),
                rs.getString("address"),
                rs.getBoolean("preferred"));
    }
}
