/** The consumer storefront: Vaadin views organised by feature, built on the other modules' APIs. */
@NullMarked
package cn.eexpo.storefront;

import org.jspecify.annotations.NullMarked;
