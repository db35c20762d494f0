/** Value types every module shares: money in fen and the like. */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package cn.eexpo.common;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
