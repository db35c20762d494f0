package cn.eexpo.orders.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.eexpo.orders.OrdersTest;
import cn.eexpo.orders.TestBuyers;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in buyer's address book in PostgreSQL. */
@OrdersTest
class AddressesTest {

    @Autowired
    Addresses addresses;

    @Autowired
    TestBuyers buyers;

    String email;

    @BeforeEach
    void signIn() {
        email = buyers.withoutIdentity().email();
        signInAs(email);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theFirstAddressIsTheDefaultAndAnotherCanTakeItsPlace() {
        assertThat(addresses.mine()).isEmpty();
        assertThat(addresses.preferred()).isEmpty();

        Address home = addresses.add(details("张伟", " 138 0013 8000 ", "河南省", "郑州市", "金水区", " 花园路 1 号 "));
        Address office = addresses.add(details("李娜", "13912345678", "河南省", "郑州市", "郑东新区", "商务外环路 2 号"));

        assertThat(home.preferred()).isTrue();
        assertThat(home.phone()).isEqualTo("13800138000");
        assertThat(home.address()).isEqualTo("花园路 1 号");
        assertThat(office.preferred()).isFalse();
        assertThat(addresses.preferred()).contains(home);

        Address chosen = addresses.makePreferred(office.id());

        assertThat(chosen.preferred()).isTrue();
        assertThat(addresses.preferred()).contains(chosen);
        assertThat(addresses.mine()).extracting(Address::id).containsExactly(office.id(), home.id());
        assertThat(addresses.mine()).filteredOn(Address::preferred).hasSize(1);
    }

    @Test
    void editsAndDeletesAndTheOldestRemainingBecomesTheDefault() {
        Address first = addresses.add(details("张伟", "13800138000", "河南省", "郑州市", "金水区", "花园路 1 号"));
        Address second = addresses.add(details("李娜", "13912345678", "河南省", "洛阳市", "西工区", "中州路 3 号"));
        Address third = addresses.add(details("王芳", "15012345678", "北京市", "北京市", "朝阳区", "建国路 4 号"));

        Address edited = addresses.update(second.id(), details("李娜", "13912345679", "河南省", "洛阳市", "老城区", "中州路 5 号"));
        assertThat(edited.district()).isEqualTo("老城区");
        assertThat(edited.phone()).isEqualTo("13912345679");
        assertThat(edited.preferred()).isFalse();

        addresses.delete(first.id());

        assertThat(addresses.mine()).extracting(Address::id).containsExactly(second.id(), third.id());
        assertThat(addresses.preferred()).map(Address::id).contains(second.id());
        assertThatThrownBy(() -> addresses.delete(first.id())).isInstanceOf(UnknownAddressException.class);
    }

    @Test
    void anotherBuyersAddressIsUnknown() {
        Address mine = addresses.add(details("张伟", "13800138000", "河南省", "郑州市", "金水区", "花园路 1 号"));

        signInAs(buyers.withoutIdentity().email());

        assertThat(addresses.mine()).isEmpty();
        assertThatThrownBy(() -> addresses.update(mine.id(), mine.details()))
                .isInstanceOf(UnknownAddressException.class);
        assertThatThrownBy(() -> addresses.delete(mine.id())).isInstanceOf(UnknownAddressException.class);
        assertThatThrownBy(() -> addresses.makePreferred(mine.id())).isInstanceOf(UnknownAddressException.class);
    }

    @Test
    void anonymousShoppersHaveNoAddressBook() {
        SecurityContextHolder.clearContext();

        assertThat(addresses.preferred()).isEmpty();
        assertThatThrownBy(() -> addresses.mine()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> addresses.add(details("张伟", "13800138000", "河南省", "郑州市", "金水区", "花园路")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aBookHoldsTwentyAddressesEvenWhenAddedAtOnce() throws Exception {
        var context = SecurityContextHolder.getContext();
        List<Callable<Boolean>> adds = IntStream.range(0, 25)
                .<Callable<Boolean>>mapToObj(i -> () -> {
                    SecurityContextHolder.setContext(context);
                    try {
                        addresses.add(details("张伟", "13800138000", "河南省", "郑州市", "金水区", "花园路 " + i + " 号"));
                        return true;
                    } catch (AddressRefusedException e) {
                        assertThat(e.field()).isEqualTo("addresses");
                        assertThat(e.code()).isEqualTo("addresses.full");
                        return false;
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                })
                .toList();
        try (var pool = Executors.newFixedThreadPool(5)) {
            long added = 0;
            for (var result : pool.invokeAll(adds)) {
                added += result.get() ? 1 : 0;
            }
            assertThat(added).isEqualTo(AddressRules.MAX_ADDRESSES);
        }
        assertThat(addresses.mine()).hasSize(AddressRules.MAX_ADDRESSES);
        assertThat(addresses.mine()).filteredOn(Address::preferred).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''        | 13800138000  | 河南省 | 郑州市 | 金水区 | 花园路 | name     | name.required",
                "张伟      | 12800138000  | 河南省 | 郑州市 | 金水区 | 花园路 | phone    | phone.mobile",
                "张伟      | 1380013800   | 河南省 | 郑州市 | 金水区 | 花园路 | phone    | phone.mobile",
                "张伟      | 13800138000  | ' '    | 郑州市 | 金水区 | 花园路 | province | province.required",
                "张伟      | 13800138000  | 河南省 | ''     | 金水区 | 花园路 | city     | city.required",
                "张伟      | 13800138000  | 河南省 | 郑州市 | ''     | 花园路 | district | district.required",
                "张伟      | 13800138000  | 河南省 | 郑州市 | 金水区 | ''     | address  | address.required",
            })
    void refusesABadAddressNamingTheField(
            String name,
            String phone,
            String province,
            String city,
            String district,
            String address,
            String field,
            String code) {
        assertThatThrownBy(() -> addresses.add(details(name, phone, province, city, district, address)))
                .isInstanceOfSatisfying(AddressRefusedException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.code()).isEqualTo(code);
                });
        assertThat(addresses.mine()).isEmpty();
    }

    @Test
    void refusesTooLongParts() {
        assertThatThrownBy(() -> addresses.add(details("张".repeat(61), "13800138000", "河南省", "郑州市", "金水区", "花园路")))
                .isInstanceOfSatisfying(
                        AddressRefusedException.class, e -> assertThat(e.code()).isEqualTo("name.long"));
        assertThatThrownBy(() -> addresses.add(details("张伟", "13800138000", "河南省", "郑州市", "金水区", "路".repeat(201))))
                .isInstanceOfSatisfying(
                        AddressRefusedException.class, e -> assertThat(e.code()).isEqualTo("address.long"));
        assertThat(addresses
                        .add(details("张伟", "13800138000", "河南省", "郑州市", "金水区", "路".repeat(200)))
                        .address())
                .hasSize(200);
    }

    private static AddressDetails details(
            String name, String phone, String province, String city, String district, String address) {
        return new AddressDetails(name, phone, province, city, district, address);
    }

    private static void signInAs(String email) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        email, null, List.of(new SimpleGrantedAuthority("ROLE_CONSUMER"))));
    }
}
