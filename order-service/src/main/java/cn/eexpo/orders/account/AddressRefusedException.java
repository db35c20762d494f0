package cn.eexpo.orders.account;

/**
 * An address that cannot be stored. The field is {@code name}, {@code phone}, {@code province}, {@code city},
 * {@code district}, {@code address} or {@code addresses}; the code {@code <field>.<rule>} ({@code phone.mobile},
 * {@code addresses.full}).
 */
public class AddressRefusedException extends FieldRefusedException {

    public AddressRefusedException(String field, String code, String reason) {
        super(field, code, reason);
    }
}
