// The chatroom application from the seed's "See It In Action": a Phoenix-
// like chat server in miniature, with the same supervision tree shape.
//
//   Chatroom.Supervisor (one_for_one)
//   ├── Chatroom.RoomSupervisor   DynamicSupervisor of Chatroom.Room servers
//   ├── Chatroom.Repo             supervisor of Chatroom.Repo.Store, a store
//   │                             process backed by an ETS table it owns
//   │                             (:chatroom_messages, the messages by room)
//   ├── Phoenix.PubSub            supervisor of the topic registry (a Registry
//   │                             with duplicate keys: subscribers per topic)
//   └── ChatroomWeb.Endpoint      supervisor of ChatroomWeb.Endpoint.Connections,
//                                 a DynamicSupervisor with a process per
//                                 (simulated) connection
//
// Supervisor.which_children(Chatroom.Supervisor) lists them newest first, as
// the seed shows. A connection joins a room (subscribes to its topic), says
// things (stored by the Repo, broadcast through PubSub) and keeps what it
// hears in its inbox. Kill any of them and its supervisor brings it back.
#pragma once
#include "behaviours/application.hpp"

namespace otp::examples::chatroom {

// Loads the :chatroom application (deps: kernel, stdlib, elixir, logger)
// and its start functions into the node. Application.start(:chatroom)
// then starts the tree.
void load(Node& node);

// ChatroomWeb.Endpoint.connect(user, room): a connection process joined to
// `room`: {:ok, pid}.
Term connect(Process& self, const Term& user, const Term& room);
// The connection says `text` in its room: stored and broadcast; :ok.
Term say(Process& self, const Term& connection, const Term& text);
// What a connection has heard: [{user, text}], oldest first.
Term inbox(Process& self, const Term& connection);
// Chatroom.Repo.messages(room): [{user, text}], oldest first, read from the
// store's table by the caller (ArgumentError while the store restarts).
Term messages(Process& self, const Term& room);
// Chatroom.Room for `room` (started under the RoomSupervisor on first use):
// {:ok, pid}; the room counts the messages said in it.
Term room(Process& self, const Term& room);

}  // namespace otp::examples::chatroom
