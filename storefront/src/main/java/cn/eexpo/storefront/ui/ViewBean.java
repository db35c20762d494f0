package cn.eexpo.storefront.ui;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * A view or layout the router makes anew for each visit, declared to Spring as a prototype bean. Vaadin's Spring
 * instantiator asks the context for a bean of the view's type first: for a class that is not one, that lookup throws
 * (and the exception's stack trace is filled in), and the view is then built with {@code createBean}, which works out
 * its constructor and arguments anew each time. A prototype bean is looked up in a cache and built from its definition,
 * whose constructor Spring resolves once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public @interface ViewBean {}
