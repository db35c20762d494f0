package cn.eexpo.storefront.security;

import com.vaadin.flow.server.HandlerHelper;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AccessCheckDecisionResolver;
import com.vaadin.flow.server.auth.NavigationAccessChecker;
import com.vaadin.flow.spring.security.SpringNavigationAccessControl;
import com.vaadin.flow.spring.security.VaadinRolePrefixHolder;
import java.util.Collection;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Vaadin's access control for navigations, with the role prefix holder given once instead of looked up on every
 * navigation. Vaadin's own looks it up through its {@code Lookup}, which asks the {@code ServiceLoader} each time and
 * so scans every jar on the class path: about 7 % of the application's CPU in the browsing load. The answer is the
 * same: the signed-in user's roles as the request knows them (Spring's request wrapper), with the prefix the holder
 * learns from the first request. Push over a websocket, which has no request of Spring's filters, takes Vaadin's own
 * path (the roles from the security context).
 */
class ShopNavigationAccessControl extends SpringNavigationAccessControl {

    private final VaadinRolePrefixHolder rolePrefix;

    ShopNavigationAccessControl(
            Collection<NavigationAccessChecker> checkers,
            AccessCheckDecisionResolver resolver,
            VaadinRolePrefixHolder rolePrefix) {
        super(checkers, resolver);
        this.rolePrefix = rolePrefix;
    }

    @Override
    protected Predicate<String> getRolesChecker(@Nullable VaadinRequest request) {
        if (request == null || overWebsocket(request)) {
            return super.getRolesChecker(request);
        }
        if (!rolePrefix.isSet()) {
            rolePrefix.resetRolePrefix(request);
        }
        return request::isUserInRole;
    }

    /** Vaadin's own test: a push request over a websocket carries no servlet request of Spring's filters. */
    private static boolean overWebsocket(VaadinRequest request) {
        return HandlerHelper.isRequestType(request, HandlerHelper.RequestType.PUSH)
                && "websocket".equals(request.getHeader("X-Atmosphere-Transport"));
    }
}
