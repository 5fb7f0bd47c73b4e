package com.bulkupload.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An end-to-end test class: Arquillian starts the provisioned WildFly (with the EAR in it) before
 * the first such class and stops it after the last; the tests are HTTP clients of it (each class
 * also carries {@code @RunAsClient}, which Arquillian reads only from the class itself).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(ArquillianExtension.class)
public @interface ServerTest {
}
