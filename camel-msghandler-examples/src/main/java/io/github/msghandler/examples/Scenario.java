package io.github.msghandler.examples;

import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

import java.nio.file.Path;

/** One runnable example: its routes, and a driver that sets it going and checks what came out. */
interface Scenario {

    /** The name to run it by. */
    String name();

    /** One line on what it shows. */
    String description();

    /** Adds the scenario's routes (Java DSL or YAML DSL) to the application. */
    void addRoutes(Main main);

    /**
     * Sends what the scenario sends, waits for the result and checks it.
     *
     * @param dir the scenario's own working directory
     * @return what was checked, for the success line
     * @throws AssertionError or another exception when the result is wrong
     */
    String drive(CamelContext camel, Path dir) throws Exception;
}
