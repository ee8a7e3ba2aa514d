// A Phoenix.PubSub in miniature, on Registry as the real one is: processes
// subscribe to topics, and a broadcast sends a message to every subscriber
// of a topic. The supervisor Phoenix.PubSub runs one child, a Registry with
// duplicate keys (topic -> subscribers) named <name>.Registry; a subscriber
// that exits is dropped by the Registry at once.
#pragma once
#include "runtime/node.hpp"

namespace otp::examples::pubsub {

// Phoenix.PubSub.Supervisor named `name` with its table: {:ok, pid}.
Term start_link(Process& self, const Term& name);
// The caller subscribes to `topic`: :ok.
Term subscribe(Process& self, const Term& name, const Term& topic);
Term unsubscribe(Process& self, const Term& name, const Term& topic);
// Sends `message` to every subscriber of `topic` (the sender too, if
// subscribed): :ok.
Term broadcast(Process& self, const Term& name, const Term& topic, const Term& message);
// The pids subscribed to `topic`.
Term subscribers(Process& self, const Term& name, const Term& topic);

}  // namespace otp::examples::pubsub
