package cn.eexpo.orders.account;

/**
 * An entry of a buyer's address book: who receives the goods and where, as checkout's consignee takes it.
 *
 * @param preferred the account's default address (one at most), which checkout starts from
 */
public record Address(
        long id,
        String name,
        String phone,
        String province,
        String city,
        String district,
        String address,
        boolean preferred) {

    /** The receiver and the place, as typed. */
    public AddressDetails details() {
        return new AddressDetails(name, phone, province, city, district, address);
    }
}
